package org.byline.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A statement with its replies, oldest first. {@code repliedTo} is the statement it answers (also
 * when deep threads are flattened and it is no longer drawn directly above).
 */
public record ThreadNode(Statement statement, Statement repliedTo, List<ThreadNode> replies) {

    /** Arranges statements (ordered by id, so parents come first) into threads. */
    public static List<ThreadNode> forest(List<Statement> statements) {
        Map<Long, ThreadNode> byId = new HashMap<>();
        List<ThreadNode> roots = new ArrayList<>();
        for (Statement s : statements) {
            ThreadNode parent = s.parentId() == null ? null : byId.get(s.parentId());
            ThreadNode node = new ThreadNode(s, parent == null ? null : parent.statement(), new ArrayList<>());
            byId.put(s.id(), node);
            (parent == null ? roots : parent.replies()).add(node);
        }
        return roots;
    }

    /**
     * The same threads, nested at most {@code maxDepth} deep: deeper replies are listed, in reading
     * order, under their ancestor at that depth. Keeps pages readable and recursion bounded.
     */
    public static List<ThreadNode> capDepth(List<ThreadNode> forest, int maxDepth) {
        return forest.stream().map(n -> n.capped(0, maxDepth)).toList();
    }

    private ThreadNode capped(int depth, int maxDepth) {
        if (depth < maxDepth) {
            return new ThreadNode(statement, repliedTo, replies.stream().map(r -> r.capped(depth + 1, maxDepth)).toList());
        }
        List<ThreadNode> flat = new ArrayList<>();
        collectDescendants(flat);
        return new ThreadNode(statement, repliedTo, flat);
    }

    private void collectDescendants(List<ThreadNode> into) {
        for (ThreadNode reply : replies) {
            into.add(new ThreadNode(reply.statement, reply.repliedTo, List.of()));
            reply.collectDescendants(into);
        }
    }

    /** The highest nodes that match, each with its whole subtree. */
    public static List<ThreadNode> select(List<ThreadNode> forest, Predicate<Statement> matches) {
        List<ThreadNode> found = new ArrayList<>();
        for (ThreadNode node : forest) {
            if (matches.test(node.statement())) {
                found.add(node);
            } else {
                found.addAll(select(node.replies(), matches));
            }
        }
        return found;
    }

    public static ThreadNode find(List<ThreadNode> forest, long id) {
        List<ThreadNode> found = select(forest, s -> s.id() == id);
        return found.isEmpty() ? null : found.get(0);
    }
}
