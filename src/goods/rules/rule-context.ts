/** What every goods rule reads besides the line: the prepared catalog. */
import type { CatalogIndex } from '../catalog-index.js';

export interface RuleContext {
  index: CatalogIndex;
}
