// PLOVER's quad classes, the colours the map, legend and network use.
export const QUADS = [
  {quad: 1, name: 'Verbal cooperation', color: '#66bd63'},
  {quad: 2, name: 'Material cooperation', color: '#1a7f3c'},
  {quad: 3, name: 'Verbal conflict', color: '#f39c12'},
  {quad: 4, name: 'Material conflict', color: '#d7301f'},
];

// quads: counts per class [q1, q2, q3, q4] -> the class with most events
// (ties go to the more conflictual class, the one an analyst looks for).
export function dominantQuad(quads) {
  let best = 0;
  for (let i = 1; i < 4; ++i) if ((quads[i] || 0) >= (quads[best] || 0)) best = i;
  return best + 1;
}
