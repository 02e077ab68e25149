package io.datamind.datasource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where SQLite and DuckDB files may come from: only regular files below the file root, named by a relative path.
 * The syntax is checked first without touching the disk; only then is the real path (symlinks followed) resolved and
 * required to stay inside the root's real path.
 */
final class FileSources {

    static final String FIELD = "filePath";
    private static final int MAX_LENGTH = 1024;
    /** Characters that drivers read as URL or parameter syntax: DuckDB splits on ';', SQLite on '?'. */
    private static final String DRIVER_SYNTAX = ";?#%&=:\\*\"<>|";

    private final Path root;
    private final Path reserved;

    FileSources(Path root) {
        this(root, null);
    }

    /**
     * @param reserved a folder that is never a file source even when it lies inside the root (the organizations'
     *     upload databases, should an operator point the file root at the data directory); null for none
     */
    FileSources(Path root, Path reserved) {
        this.root = root.toAbsolutePath().normalize();
        this.reserved = reserved == null ? null : reserved.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Checks the relative path's syntax only; adds the reason and returns false when it is refused. */
    static boolean checkSyntax(String filePath, FieldErrors errors) {
        if (filePath == null || filePath.isEmpty()) {
            errors.add(FIELD, "is required");
            return false;
        }
        String problem = syntaxProblem(filePath);
        if (problem != null) {
            errors.add(FIELD, problem);
            return false;
        }
        return true;
    }

    private static String syntaxProblem(String filePath) {
        if (filePath.length() > MAX_LENGTH) {
            return "is too long (at most " + MAX_LENGTH + " characters)";
        }
        if (filePath.startsWith("/") || filePath.startsWith("~") || filePath.startsWith("\\")) {
            return "must be a path relative to the file folder, not an absolute path";
        }
        for (int i = 0; i < filePath.length(); i++) {
            char c = filePath.charAt(i);
            if (c < 0x20 || c >= 0x7f || DRIVER_SYNTAX.indexOf(c) >= 0) {
                return "may contain only ASCII letters, digits, spaces and . _ + - with / between folders";
            }
        }
        for (String segment : filePath.split("/", -1)) {
            if (segment.equals("..")) {
                return "must not contain '..' (files must stay inside the file folder)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "must not contain empty or '.' segments";
            }
            if (segment.startsWith(" ") || segment.endsWith(" ")) {
                return "names must not start or end with a space";
            }
        }
        return null;
    }

    /** No character a SQLite or DuckDB JDBC URL would read as the start of parameters. */
    static boolean driverSafe(String absolutePath) {
        for (int i = 0; i < absolutePath.length(); i++) {
            char c = absolutePath.charAt(i);
            if (c < 0x20 || c == 0x7f || ";?#%".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves a syntactically checked relative path to the real file inside the root; adds the reason and returns
     * null when it is missing, not a regular file, or escapes the root through a symbolic link.
     */
    Path resolve(String filePath, FieldErrors errors) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            errors.add(FIELD, "the file folder " + root + " does not exist on the server");
            return null;
        }
        if (!driverSafe(realRoot.toString())) {
            errors.add(FIELD, "the server's file folder path contains characters drivers treat as parameters");
            return null;
        }
        Path real;
        try {
            real = realRoot.resolve(filePath).toRealPath();
        } catch (IOException e) {
            errors.add(FIELD, "no such file in the file folder");
            return null;
        }
        if (!real.startsWith(realRoot) || real.equals(realRoot)) {
            errors.add(FIELD, "leads outside the file folder (through a symbolic link)");
            return null;
        }
        if (reserved != null && inside(real, reserved)) {
            errors.add(FIELD, "leads into DataMind's own folder of uploaded files");
            return null;
        }
        if (syntaxProblem(realRoot.relativize(real).toString()) != null) {
            errors.add(FIELD, "leads to a file whose name contains characters drivers treat as parameters");
            return null;
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            errors.add(FIELD, "is not a regular file");
            return null;
        }
        return real;
    }

    private static boolean inside(Path real, Path folder) {
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            realFolder = folder;
        }
        return real.startsWith(realFolder);
    }
}
