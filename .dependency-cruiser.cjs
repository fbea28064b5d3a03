/**
 * The architecture's boundaries, checked by `npm run check` (dependency-cruiser): which module
 * may import what. See docs/architecture.md ("Boundaries") and ADR 0014.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const TESTS = '(\\.test\\.tsx?|\\.test-support\\.ts|\\.fixtures\\.ts)$';
/** A module's test support (builders, fixtures) is lent to other tests, never to the product. */
const SUPPORT = '\\.(test-support|fixtures)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'module-through-its-index',
      comment:
        'A module is used by others only through its index.ts: anything else in its folder is its own business.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', SUPPORT],
      },
    },
    {
      name: 'outside-through-the-index',
      comment:
        'The composition root, scripts, tests and the benchmark use a module through its index.ts too.',
      severity: 'error',
      from: { path: '^(src/[^/]+\\.ts$|src/cli/|test/|e2e/|bench/)' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/[^/]+/index\\.ts$', SUPPORT] },
    },
    {
      name: 'platform-without-modules',
      comment: 'platform/ is cross-cutting and holds no business rule: it never imports a module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules/|app\\.ts|jobs\\.ts|server\\.ts)' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ holds pure helpers: no framework, no platform, no module.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TESTS },
      to: { path: '^src/(modules|platform)/|^node_modules/' },
    },
    {
      name: 'test-support-only-in-tests',
      comment: 'Builders and fixtures set up tests; the product never imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: SUPPORT },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'sql-only-in-queries',
      comment:
        'Only *.queries.ts files and platform/db build SQL (the demo generator, a bulk writer, and tests set up data too).',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['\\.queries\\.ts$', '^src/platform/db/', '^src/modules/demo/', TESTS],
      },
      to: { path: '^node_modules/(drizzle-orm|pg|@electric-sql/pglite)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'http-only-in-routes',
      comment:
        'Only route files (and their *.http.ts helpers) touch request and reply; index.ts registers the routes.',
      severity: 'error',
      from: {
        path: '^src/modules/',
        pathNot: ['\\.routes\\.tsx?$', '\\.http\\.tsx?$', '/index\\.ts$', TESTS],
      },
      to: { path: '^node_modules/fastify/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(data|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^src/(modules|platform)/[^/]+|^src/shared|^node_modules/[^/]+' },
    },
  },
};
