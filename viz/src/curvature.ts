// Plain maths for parallel edges (kept apart from model.ts, which loads WebGL code).

/** Curvature of a parallel edge from its index among its siblings (after the sigma edge-curve example). */
export function parallelCurvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -parallelCurvature(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * 0.25;
  return (maxCurvature * index) / maxIndex;
}
