// Claims a reviewer recomputes by hand: arithmetic, percentages, changes, units, tables, parts and totals.

import type { Check } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { changeCheck } from './change.ts';
import { countFlowCheck } from './count-flow.ts';
import { countProductsCheck } from './count-products.ts';
import { expressionsCheck } from './expressions.ts';
import { intervalCheck } from './interval.ts';
import { listedPartsCheck } from './listed-parts.ts';
import { countSplitsCheck } from './count-splits.ts';
import { meanCheck } from './mean.ts';
import { meanRangeCheck } from './mean-range.ts';
import { partsTotalCheck } from './parts-total.ts';
import { percentageCheck } from './percentage.ts';
import { relativeChangeCheck } from './relative-change.ts';
import { shareListsCheck } from './share-lists.ts';
import { sharesCheck } from './shares.ts';
import { subsetSharesCheck } from './subset-shares.ts';
import { tablePercentageCheck } from './table-percentage.ts';
import { tableMeansCheck } from './table-means.ts';
import { tableRelationsCheck } from './table-relations.ts';
import { rowTotalsCheck } from './table-row-totals.ts';
import { tableSharesCheck } from './table-shares.ts';
import { tableTotalCheck } from './table-total.ts';
import { ratioCheck } from './ratio.ts';
import { ratioChangeCheck } from './ratio-change.ts';
import { tableDerivedCheck } from './table-derived.ts';
import { tableTextDifferencesCheck } from './table-text.ts';
import { unitsCheck } from './units.ts';
import { wordedProductsCheck } from './worded-products.ts';
import { ratesCheck } from './rates.ts';
import { wordedOperationsCheck } from './worded-operations.ts';

export const ARITHMETIC_MODULES: readonly CheckModule[] = [
  expressionsCheck,
  unitsCheck,
  ratioCheck,
  percentageCheck,
  changeCheck,
  ratioChangeCheck,
  relativeChangeCheck,
  meanCheck,
  meanRangeCheck,
  partsTotalCheck,
  listedPartsCheck,
  countSplitsCheck,
  countFlowCheck,
  countProductsCheck,
  wordedProductsCheck,
  ratesCheck,
  wordedOperationsCheck,
  sharesCheck,
  subsetSharesCheck,
  shareListsCheck,
  intervalCheck,
  tableTotalCheck,
  tableDerivedCheck,
  tablePercentageCheck,
  tableSharesCheck,
  tableRelationsCheck,
  tableTextDifferencesCheck,
  tableMeansCheck,
  rowTotalsCheck,
];

export const ARITHMETIC_CHECKS: readonly Check[] = ARITHMETIC_MODULES.map((m) => m.run);
