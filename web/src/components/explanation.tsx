/** A match's explanation: the feature lines the CLI prints, in the analyst's words. */
import type { FeatureLine } from '../api-types.js';

export function Explanation({ lines }: { lines: FeatureLine[] }) {
  return (
    <ul className="explanation">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and never reorder
        <li key={i}>
          <span className="feature">{line.feature}</span>{' '}
          <span className="value">{line.value.toFixed(2)}</span> <span className="detail">{line.detail}</span>
        </li>
      ))}
    </ul>
  );
}
