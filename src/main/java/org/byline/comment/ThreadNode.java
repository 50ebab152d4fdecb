package org.byline.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A statement with its replies, oldest first. */
public record ThreadNode(Statement statement, List<ThreadNode> replies) {

    /** Arranges statements (ordered by id, so parents come first) into threads. */
    public static List<ThreadNode> forest(List<Statement> statements) {
        Map<Long, ThreadNode> byId = new HashMap<>();
        List<ThreadNode> roots = new ArrayList<>();
        for (Statement s : statements) {
            ThreadNode node = new ThreadNode(s, new ArrayList<>());
            byId.put(s.id(), node);
            ThreadNode parent = s.parentId() == null ? null : byId.get(s.parentId());
            (parent == null ? roots : parent.replies()).add(node);
        }
        return roots;
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
