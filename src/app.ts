import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './modules/accounts/index.ts';
import { registerDeskRoutes } from './modules/desk/index.ts';
import { registerDeskContentRoutes } from './modules/desk-content/index.ts';
import { registerDeskEmergencyRoutes } from './modules/desk-emergency/index.ts';
import { registerDeskOrganisationRoutes } from './modules/desk-organisations/index.ts';
import { registerDeskProviderRoutes } from './modules/desk-providers/index.ts';
import { registerDeskRequestsRoutes } from './modules/desk-requests/index.ts';
import { registerDeskSettingsRoutes } from './modules/desk-settings/index.ts';
import { registerDevMailboxRoutes } from './modules/dev-mailbox/index.ts';
import { registerDuplicateRoutes } from './modules/duplicates/index.ts';
import { registerEmergencyListRoutes } from './modules/emergency-list/index.ts';
import { registerFamilyRoutes } from './modules/families/index.ts';
import { registerIntermediaryRoutes } from './modules/intermediaries/index.ts';
import { registerMailTemplateRoutes } from './modules/mail-templates/index.ts';
import { registerMyDataRoutes } from './modules/my-data/index.ts';
import { registerOrganisationAdminRoutes } from './modules/organisation-admin/index.ts';
import { registerPlatformAdminRoutes } from './modules/platform-admin/index.ts';
import { registerPolicyFigureRoutes } from './modules/policy-figures/index.ts';
import { registerPriorityRuleAdminRoutes } from './modules/priority-rule-admin/index.ts';
import { registerProviderProfileRoutes } from './modules/provider-profile/index.ts';
import { registerProviderReportRoutes } from './modules/provider-reports/index.ts';
import { registerPublicSite } from './modules/public-site/index.ts';
import { registerRegionAdminRoutes } from './modules/region-admin/index.ts';
import { registerRequestHandlingRoutes } from './modules/request-handling/index.ts';
import { registerRequestJourneyRoutes } from './modules/request-journey/index.ts';
import { registerWaitingListRoutes } from './modules/waiting-list/index.ts';
import { registerWaitingListImportRoutes } from './modules/waiting-list-import/index.ts';
import type { AppDeps } from './platform/deps.ts';
import { registerHealthRoutes } from './platform/http/health.ts';
import { registerPlatform } from './platform/http/setup.ts';
import { loggerOptions } from './platform/logging/index.ts';

/**
 * The composition root: platform plugins in one explicit order, then every module. Services get
 * their dependencies from `deps`, so tests build the same app with a test database and clock.
 */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean; logLevel?: string; logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    // Ids and error kinds only, never a personal value (platform/logging).
    logger: options.logger
      ? loggerOptions({
          level: options.logLevel ?? deps.config.logLevel,
          ...(options.logStream ? { stream: options.logStream } : {}),
        })
      : false,
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    bodyLimit: 1_000_000,
  });
  await registerPlatform(app, deps);
  registerHealthRoutes(app, deps);
  registerPublicSite(app, deps);
  registerAccountRoutes(app, deps);
  registerMyDataRoutes(app, deps);
  registerFamilyRoutes(app, deps);
  registerRequestJourneyRoutes(app, deps);
  registerRequestHandlingRoutes(app, deps);
  registerMailTemplateRoutes(app, deps);
  registerWaitingListRoutes(app, deps);
  registerEmergencyListRoutes(app, deps);
  registerIntermediaryRoutes(app, deps);
  registerDeskRoutes(app, deps);
  registerDeskRequestsRoutes(app, deps);
  registerProviderProfileRoutes(app, deps);
  registerOrganisationAdminRoutes(app, deps);
  registerProviderReportRoutes(app, deps);
  registerDuplicateRoutes(app, deps);
  registerPolicyFigureRoutes(app, deps);
  registerDeskEmergencyRoutes(app, deps);
  registerPlatformAdminRoutes(app, deps);
  registerPriorityRuleAdminRoutes(app, deps);
  registerRegionAdminRoutes(app, deps);
  registerDeskSettingsRoutes(app, deps);
  registerDeskOrganisationRoutes(app, deps);
  registerDeskProviderRoutes(app, deps);
  registerWaitingListImportRoutes(app, deps);
  registerDeskContentRoutes(app, deps);
  // Only for a local demo (config.ts, devMailboxEnabled): it shows every mail to anyone.
  if (deps.config.devMailbox) registerDevMailboxRoutes(app, deps);
  return app;
}
