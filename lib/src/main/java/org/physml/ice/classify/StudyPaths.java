package org.physml.ice.classify;

import java.nio.file.Path;

import org.physml.CoursePaths;

/**
 * The folders of the command-line tools of this package ({@link IceStudy#main}, {@link ShellRadiusSelection#main}):
 * the data set, the stored networks and the descriptor cache, from the positional arguments
 * {@code [data-dir [models-dir [cache-dir]]]}; defaults data/ice, notebooks/data/ice-models and build/cache/ice under
 * the course root ({@link CoursePaths#root()}).
 */
record StudyPaths(Path data, Path models, Path cache) {

    static StudyPaths of(String[] args) {
        Path root = CoursePaths.root();
        return new StudyPaths(args.length > 0 ? Path.of(args[0]) : root.resolve("data/ice"),
                args.length > 1 ? Path.of(args[1]) : root.resolve("notebooks/data/ice-models"),
                args.length > 2 ? Path.of(args[2]) : root.resolve("build/cache/ice"));
    }
}
