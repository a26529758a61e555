package org.physml;

import java.io.File;
import java.io.IOException;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Unpacks ND4J's native libraries (libnd4jcpu, OpenBLAS, JavaCPP; about 400 MB for linux-x86_64) into
 * JavaCPP's cache, {@code ~/.javacpp/cache} unless {@code org.bytedeco.javacpp.cachedir} says otherwise.
 *
 * <p>JavaCPP extracts them from the jars on the class path the first time ND4J is loaded and reuses the
 * cached files afterwards as long as the jars are the same. Binder's postBuild runs this once at build time
 * with the kernel's class path, so that the first ND4J cell of a new session loads the cached libraries
 * instead of unpacking them.
 *
 * <p>Usage: {@code java -cp lib/target/physml-lib.jar:lib/target/dependency/* org.physml.NativeLibraries}.
 * Prints the backend and the cache directory; exits with an exception when the natives do not load or give a
 * wrong 2x2 matrix product.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * Loads ND4J's backend and checks it with a 2x2 matrix product.
     *
     * @return JavaCPP's cache directory that now holds the native libraries
     * @throws IllegalStateException if the product is wrong (a broken native library)
     * @throws IOException           if JavaCPP cannot create its cache directory
     */
    public static File unpack() throws IOException {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        double[] product = a.mmul(a).data().asDouble();   // [[7, 10], [15, 22]]
        double[] expected = {7, 10, 15, 22};
        for (int i = 0; i < expected.length; i++) {
            if (product[i] != expected[i]) {
                throw new IllegalStateException("ND4J's native backend gives A*A = "
                        + java.util.Arrays.toString(product) + " for A = [[1, 2], [3, 4]], expected "
                        + java.util.Arrays.toString(expected));
            }
        }
        return Loader.getCacheDir();
    }

    /**
     * Command line entry point (no arguments).
     *
     * @param args ignored
     * @throws IOException if JavaCPP cannot create its cache directory
     */
    public static void main(String[] args) throws IOException {
        File cache = unpack();
        System.out.println("ND4J backend " + Nd4j.getBackend().getClass().getSimpleName()
                + ": native libraries in " + cache);
    }
}
