// Fake Zoom API for the project's tests. See README.md beside this file for what it models and what it does not.
export {startFakeZoom, missingScopesMessage, MESSAGES, PAGE_TOKEN_TTL_MS, DEFAULT_TOKEN_TTL_SECONDS} from './server.js'
export {
  loadScenario,
  validateScenario,
  generateScenario,
  scenarioFromSnapshot,
  AUDITOR_SCOPES,
  GENERATED_ROLE_IDS,
} from './scenario.js'
export type {GenerateOptions, SnapshotCredentials} from './scenario.js'
export {ENDPOINTS} from './endpoints.js'
export {scopeLabel} from './labels.js'
export type {
  FakeZoom,
  FakeZoomOptions,
  FakeZoomScenario,
  FaultSpec,
  RecordedRequest,
  ScenarioApp,
  ScenarioRole,
  ScenarioUser,
  UserStatus,
} from './types.js'
