package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One student's submission.
 *
 * @param student student id, safe as a folder name
 * @param file    the notebook, or null if none could be identified
 * @param problem why the submission cannot be graded (no or several notebooks in the student's folder), or null
 */
public record Submission(String student, Path file, String problem) {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@+-]");

    /**
     * The submissions at a path: a notebook file (student id = file name without .ipynb), or a folder holding
     * notebooks (one student each, id = file name) and/or one sub-folder per student holding one notebook
     * (id = folder name, as Gradescope and LMS exports arrange them). Hidden entries and .ipynb_checkpoints are
     * ignored. Ids are made folder-safe (characters other than letters, digits and {@code ._@+-} become '_').
     *
     * @throws IllegalArgumentException if the path does not exist, a file is not an .ipynb, or two submissions
     *                                  get the same id
     * @throws UncheckedIOException     if a folder cannot be listed
     */
    public static List<Submission> find(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(new Submission(id(stem(path)), path, null));
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such submission file or folder: " + path);
        }
        List<Submission> found = new ArrayList<>();
        for (Path p : list(path)) {
            if (Files.isSymbolicLink(p)) {
                String name = p.getFileName().toString();
                found.add(new Submission(id(name.endsWith(".ipynb") ? stem(p) : name), null,
                        "the submission " + name + " is a symbolic link; submit the notebook file itself"));
            } else if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".ipynb")) {
                found.add(new Submission(id(stem(p)), p, null));
            } else if (Files.isDirectory(p)) {
                List<Path> notebooks = list(p).stream()
                        .filter(q -> Files.isRegularFile(q) && q.getFileName().toString().endsWith(".ipynb")).toList();
                String student = id(p.getFileName().toString());
                if (notebooks.size() == 1) {
                    found.add(new Submission(student, notebooks.get(0), null));
                } else {
                    found.add(new Submission(student, null, notebooks.isEmpty() ? "no notebook in " + p
                            : "several notebooks in " + p + ": " + notebooks.stream().map(q -> q.getFileName()
                            .toString()).toList() + "; submit exactly one"));
                }
            }
        }
        Map<String, Submission> byId = new HashMap<>();
        for (Submission s : found) {
            Submission other = byId.put(s.student(), s);
            if (other != null) {
                throw new IllegalArgumentException("two submissions have the student id " + s.student() + ": "
                        + (other.file() == null ? "(folder)" : other.file()) + " and "
                        + (s.file() == null ? "(folder)" : s.file()));
            }
        }
        return found;
    }

    /**
     * The submitted notebook's text, read without following a symbolic link and at most {@code maxBytes} long.
     *
     * @throws IllegalArgumentException with a message for the student if the file is a symbolic link, larger than
     *                                  maxBytes, unreadable or not UTF-8 text
     */
    public String read(long maxBytes) {
        if (file == null) {
            throw new IllegalArgumentException(problem);
        }
        if (Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException("the submission " + file.getFileName()
                    + " is a symbolic link; submit the notebook file itself");
        }
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw new IllegalArgumentException("the submission is larger than the limit of " + mb(maxBytes)
                        + "; clear the outputs (Cell > All Output > Clear) and submit again");
            }
            var decoder = StandardCharsets.UTF_8.newDecoder();
            return decoder.decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("the submission is not UTF-8 text, so not a notebook", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the submission " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String mb(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " kB";
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(".ipynb_checkpoints"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".ipynb")) {
            throw new IllegalArgumentException("a submission must be an .ipynb notebook, got " + file);
        }
        return name.substring(0, name.length() - ".ipynb".length());
    }

    static String id(String name) {
        String id = UNSAFE.matcher(name).replaceAll("_");
        return id.isEmpty() || id.equals(".") || id.equals("..") ? "_" + id : id;
    }
}
