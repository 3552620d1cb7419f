/**
 * A draw from the Laplace distribution with mean 0 and scale `scale` (inverse transform of a
 * uniform draw from the platform's cryptographic generator, so the noise cannot be predicted).
 */
export function laplace(scale: number): number {
  const [word] = crypto.getRandomValues(new Uint32Array(1));
  // Uniform on (-0.5, 0.5), never exactly ±0.5: log(0) is out of reach.
  const u = ((word ?? 0) + 0.5) / 2 ** 32 - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/**
 * A count as published with ε-differential privacy for one query's presence (sensitivity 1):
 * the count plus Laplace(1/ε) noise, rounded and never below 0. With no ε, the count itself.
 */
export function noisyCount(count: number, epsilon: number | undefined): number {
  if (epsilon === undefined) return count;
  return Math.max(0, Math.round(count + laplace(1 / epsilon)));
}
