package org.physml.math.angular;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Wigner 3j symbols with three equal angular momenta, (l l l; m1 m2 m3), computed exactly.
 *
 * <p>Racah's closed formula (G. Racah, Phys. Rev. 62, 438 (1942)) for the 3j symbol, specialised to
 * j1 = j2 = j3 = l:
 * <pre>
 *   (l l l; m1 m2 m3) = (-1)^{m3} sqrt(Delta) sqrt(prod_i (l+m_i)! (l-m_i)!)
 *                       sum_k (-1)^k / [k! (k+m1)! (k-m2)! (l-k)! (l-k-m1)! (l-k+m2)!],
 *   Delta = (l!)^3 / (3l+1)!,
 * </pre>
 * for m1 + m2 + m3 = 0 and |m_i| &lt;= l, else 0. The sum is formed as an exact rational with {@link BigInteger}
 * and the square root taken with {@link BigDecimal} to 40 digits, so the returned double is the correctly rounded
 * value (no cancellation, unlike a floating-point Racah sum at large l).
 */
public final class Wigner3j {
    private static final MathContext MC = new MathContext(40);

    private Wigner3j() {
    }

    /**
     * The symbol (l l l; m1 m2 m3).
     *
     * @throws IllegalArgumentException if l is negative
     */
    public static double symbol(int l, int m1, int m2, int m3) {
        if (l < 0) {
            throw new IllegalArgumentException("l must be >= 0, got " + l);
        }
        if (m1 + m2 + m3 != 0 || Math.abs(m1) > l || Math.abs(m2) > l || Math.abs(m3) > l) {
            return 0.0;
        }
        int kMin = Math.max(0, Math.max(-m1, m2));
        int kMax = Math.min(l, Math.min(l - m1, l + m2));
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        for (int k = kMin; k <= kMax; k++) {
            BigInteger d = factorial(k).multiply(factorial(k + m1)).multiply(factorial(k - m2))
                    .multiply(factorial(l - k)).multiply(factorial(l - k - m1)).multiply(factorial(l - k + m2));
            BigInteger term = (k % 2 == 0) ? den : den.negate();
            num = num.multiply(d).add(term);
            den = den.multiply(d);
            BigInteger g = num.gcd(den);
            if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }
        if (num.signum() == 0) {
            return 0.0;
        }
        BigInteger lf = factorial(l);
        BigInteger top = lf.pow(3).multiply(num.pow(2));
        for (int m : new int[]{m1, m2, m3}) {
            top = top.multiply(factorial(l + m)).multiply(factorial(l - m));
        }
        BigInteger bottom = factorial(3 * l + 1).multiply(den.pow(2));
        double magnitude = new BigDecimal(top).divide(new BigDecimal(bottom), MC).sqrt(MC).doubleValue();
        int sign = num.signum() * ((m3 % 2 == 0) ? 1 : -1);
        return sign * magnitude;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }
}
