/**
 * Figures for local policy (issue: figures and the yearly registration for Opgroeien): counts of
 * unique requests, coverage, unanswered requests, priority, with small counts suppressed. Reads the
 * requests and the priority-rules evaluator; names no child.
 */
export { registerPolicyFigureRoutes } from './policy-figures.routes.tsx';
export { FIGURES_PATH } from './policy-figures.views.tsx';
export { yearlyReport } from './yearly-report.ts';
