package org.physml.plot;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Sends rich output (HTML, PNG) to the Jupyter front end of whichever Java kernel runs the code, and
 * updates an earlier output in place.
 *
 * <p>The library does not depend on a kernel at compile time: the kernel is found by reflection.
 * Supported: rapaio-jupyter-kernel (the course kernel; {@code org.rapaio.jupyter.kernel.global.Global}),
 * IJava ({@code io.github.spencerpark.ijava.IJava}) and JJava ({@code org.dflib.jjava.JJava}). Outside a
 * kernel (tests, command line) the plain-text fallback is printed to standard output.
 */
public final class NotebookDisplay {
    private static final Kernel KERNEL = detect();

    private NotebookDisplay() {
    }

    /** True when running inside a supported Jupyter kernel. */
    public static boolean inNotebook() {
        return KERNEL != null;
    }

    /**
     * Displays {@code html} as a new output.
     *
     * @param html      an HTML fragment
     * @param plainText what to print outside a notebook
     * @return an id for {@link #updateHtml}, or empty outside a notebook
     */
    public static Optional<String> html(String html, String plainText) {
        if (KERNEL == null) {
            System.out.println(plainText);
            return Optional.empty();
        }
        return Optional.ofNullable(KERNEL.display(html));
    }

    /**
     * Replaces the output with the given id by {@code html}; outside a notebook prints {@code plainText}.
     */
    public static void updateHtml(Optional<String> id, String html, String plainText) {
        if (KERNEL == null || id.isEmpty()) {
            System.out.println(plainText);
            return;
        }
        KERNEL.update(id.get(), html);
    }

    private interface Kernel {
        String display(String html);

        void update(String id, String html);
    }

    private static Kernel detect() {
        Kernel k = rapaio();
        if (k == null) {
            k = ijavaLike("io.github.spencerpark.ijava.IJava", "io.github.spencerpark.jupyter.kernel.display.DisplayData");
        }
        if (k == null) {
            k = ijavaLike("org.dflib.jjava.JJava", "org.dflib.jjava.jupyter.kernel.display.DisplayData");
        }
        return k;
    }

    /** rapaio-jupyter-kernel: static Global.display(mime, object) and Global.updateDisplay(id, mime, object). */
    private static Kernel rapaio() {
        try {
            Class<?> global = Class.forName("org.rapaio.jupyter.kernel.global.Global");
            Method display = global.getMethod("display", String.class, Object.class);
            Method update = global.getMethod("updateDisplay", String.class, String.class, Object.class);
            Class<?> mainApp = Class.forName("org.rapaio.jupyter.kernel.MainApp");
            if (mainApp.getField("kernel").get(null) == null) {
                return null;
            }
            return new Kernel() {
                @Override
                public String display(String html) {
                    return (String) invoke(display, null, "text/html", html);
                }

                @Override
                public void update(String id, String html) {
                    invoke(update, null, id, "text/html", html);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** IJava and JJava: getKernelInstance().display(DisplayData) and updateDisplay(id, DisplayData). */
    private static Kernel ijavaLike(String entryClass, String displayDataClass) {
        try {
            Object kernel = Class.forName(entryClass).getMethod("getKernelInstance").invoke(null);
            if (kernel == null) {
                return null;
            }
            Class<?> dd = Class.forName(displayDataClass);
            Method display = kernel.getClass().getMethod("display", dd);
            Method update = kernel.getClass().getMethod("updateDisplay", String.class, dd);
            Method putHtml = dd.getMethod("putHTML", String.class);
            Method setId = dd.getMethod("setDisplayId", String.class);
            return new Kernel() {
                @Override
                public String display(String html) {
                    String id = java.util.UUID.randomUUID().toString();
                    Object data = newData(dd, html);
                    invoke(setId, data, id);
                    invoke(display, kernel, data);
                    return id;
                }

                @Override
                public void update(String id, String html) {
                    invoke(update, kernel, id, newData(dd, html));
                }

                private Object newData(Class<?> type, String html) {
                    try {
                        Object data = type.getConstructor(String.class).newInstance("");
                        invoke(putHtml, data, html);
                        return data;
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot build " + type.getName(), e);
                    }
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the notebook kernel refused " + m.getName() + ": " + e, e);
        }
    }
}
