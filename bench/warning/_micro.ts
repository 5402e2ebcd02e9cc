import { fitLogLinkGlm } from '../../src/warning/glm/log-link-glm.js';
const n = 237,
  p = 11;
const x: number[][] = [];
const y: number[] = [];
for (let i = 0; i < n; i++) {
  const r = [1, 300 + i];
  for (let l = 2; l <= 10; l++) r.push(i % 10 === l - 1 ? 1 : 0);
  x.push(r);
  y.push((i * 7) % 5);
}
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  let its = 0;
  for (let k = 0; k < 500; k++) its += fitLogLinkGlm(x, y).iterations;
  console.log('ms/fit', (performance.now() - t0) / 500, 'its', its / 500);
}
