/**
 * A physics-informed neural network (PINN) for the 1D heat equation T_t = a T_xx of
 * {@link org.physml.heat}, in DeepLearning4J SameDiff.
 *
 * <p>SameDiff (1.0.0-M2.1) cannot differentiate a gradient (its tanh and matmul backprop ops have no
 * derivatives of their own), so the input derivatives T_x, T_t, T_xx are not obtained by autodiff.
 * {@link org.physml.pinn.ForwardDerivativeMlp} propagates them forward through the layers alongside the
 * values (forward-mode differentiation written out by hand); the loss of
 * {@link org.physml.pinn.PinnLoss} is then an ordinary SameDiff expression, and SameDiff's reverse mode gives
 * its gradient with respect to the weights. {@link org.physml.pinn.PinnTrainer} minimises it with Adam
 * followed by L-BFGS; {@link org.physml.pinn.PinnEvaluation} compares the result with
 * {@link org.physml.heat.ExactSolution}.
 *
 * <p>Reference: M. Raissi, P. Perdikaris, G. E. Karniadakis, Physics-informed neural networks, J. Comput.
 * Phys. 378, 686-707 (2019).
 */
package org.physml.pinn;
