/** How big a demo region to generate. */
export type DemoScaleParams = {
  /** The first is always Leuven, then its neighbours (Herent, Bertem, …), then made-up ones. */
  municipalities: number;
  /** On average; big municipalities get more, small ones fewer (at least one each). */
  locationsPerMunicipality: number;
  /** Unique requests (one per child) filed per year in the whole region. */
  requestsPerYear: number;
  /** How many years of history, ending today. */
  years: number;
  /**
   * Families still waiting at De Speelvogel are added until its waiting list holds this many open
   * preferences (the larger scales get such lists by themselves, from many more requests).
   */
  largestWaitingList?: number;
};

export type DemoScaleName = 'demo' | 'leuven' | 'region' | 'flanders';
export type DemoScale = DemoScaleName | DemoScaleParams;

export const DEMO_SCALES: Readonly<Record<DemoScaleName, DemoScaleParams>> = {
  /**
   * Leuven and two neighbours: ≈70 locations, ≈1,900 families (≈1,450 of them on De Speelvogel's
   * list of ≈1,500 open preferences, a large city centre's real size); seconds on the embedded database.
   */
  demo: {
    municipalities: 3,
    locationsPerMunicipality: 23.3,
    requestsPerYear: 215,
    years: 2,
    largestWaitingList: 1_500,
  },
  /** The city alone, at its real size (≈1,150 births a year, 79% of them file a request). */
  leuven: { municipalities: 1, locationsPerMunicipality: 130, requestsPerYear: 1_000, years: 5 },
  /** Interleuven's regional desk: 19 municipalities, 390 providers, ≈4,000 requests a year. */
  region: { municipalities: 19, locationsPerMunicipality: 20.5, requestsPerYear: 4_000, years: 5 },
  /** All of Flanders: 285 municipalities, ≈5,700 locations, ≈63,000 births a year. */
  flanders: { municipalities: 285, locationsPerMunicipality: 20.1, requestsPerYear: 63_000, years: 5 },
};

export function resolveScale(scale: DemoScale | undefined): DemoScaleParams {
  const params = typeof scale === 'string' ? DEMO_SCALES[scale] : (scale ?? DEMO_SCALES.demo);
  if (!params) throw new Error(`Unknown demo scale: ${String(scale)}`);
  const { municipalities, locationsPerMunicipality, requestsPerYear, years } = params;
  if (!Number.isInteger(municipalities) || municipalities < 1) {
    throw new Error('Demo scale: municipalities must be a whole number ≥ 1');
  }
  if (!(locationsPerMunicipality > 0) || !(requestsPerYear >= 0) || !(years > 0)) {
    throw new Error('Demo scale: locations, requests and years must be positive');
  }
  return params;
}

export function isDemoScaleName(value: string): value is DemoScaleName {
  return Object.hasOwn(DEMO_SCALES, value);
}
