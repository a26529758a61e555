#!/usr/bin/env python3
"""Reference values of the Fuchs-Sondheimer in-plane reduction function for FuchsSondheimerTest.

Evaluates the ORIGINAL (t-form) definition with scipy's adaptive quadrature - independent of the
cancellation-free mu-form used in org.physml.surrogate.FuchsSondheimer:

    F(Kn, p) = 1 - 3 (1-p) Kn / 2 * int_1^inf (t^-3 - t^-5) (1 - exp(-t/Kn)) / (1 - p exp(-t/Kn)) dt

Run:  python3 fuchs_sondheimer_reference.py   (needs numpy + scipy; Debian: python3-scipy)
The printed rows are pasted into FuchsSondheimerTest.SCIPY_REFERENCE.
"""
import numpy as np
from scipy.integrate import quad


def fs(kn, p):
    kappa = 1.0 / kn
    f = lambda t: (t**-3 - t**-5) * (-np.expm1(-kappa * t)) / (1.0 - p * np.exp(-kappa * t))
    # split at t = 1 + 50/kappa so the exponential structure is resolved
    t1 = 1.0 + 50.0 / kappa
    i1, e1 = quad(f, 1.0, t1, limit=500, epsabs=0, epsrel=1e-13)
    i2, e2 = quad(f, t1, np.inf, limit=500, epsabs=0, epsrel=1e-13)
    return 1.0 - 1.5 * (1.0 - p) * kn * (i1 + i2)


if __name__ == "__main__":
    for kn in (0.1, 1.0, 10.0):
        for p in (0.0, 0.3, 0.7, 0.95):
            print("{%r, %r, %.15e}," % (kn, p, fs(kn, p)))
