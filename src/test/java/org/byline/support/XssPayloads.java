package org.byline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The public XSS payload lists in ../shared/cases/xss/: every non-blank line of every .txt file (SOURCE.md describes them). */
public final class XssPayloads {
    private static final Path DIRECTORY = Path.of("../shared/cases/xss");

    private XssPayloads() {
    }

    /** One payload a line, in file order; a line's CRLF ending is not part of it, a CR inside it is. */
    public static List<String> all() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
                    String payload = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (!payload.isBlank()) {
                        lines.add(payload);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() < 300) {
            throw new IllegalStateException("expected the full payload lists in " + DIRECTORY.toAbsolutePath() + ", found " + lines.size() + " lines");
        }
        return lines;
    }
}
