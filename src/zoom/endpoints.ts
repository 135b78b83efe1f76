// Every Zoom endpoint the tool calls, templated, with Zoom's rate-limit label (docs/zoom-api.md, "Rate limits").
// Stats, the 429 gate and the (future) per-plan limiter are all keyed by the template, never by the raw path.

export type RateLimitLabel = 'LIGHT' | 'MEDIUM' | 'HEAVY' | 'RESOURCE_INTENSIVE'

export const ENDPOINT_LABELS = {
  'GET /users': 'MEDIUM',
  'GET /users/{userId}': 'LIGHT',
  'GET /users/{userId}/permissions': 'LIGHT',
  'GET /roles': 'MEDIUM',
  'GET /roles/{roleId}': 'LIGHT',
  'GET /roles/{roleId}/members': 'MEDIUM',
  'GET /marketplace/apps': 'MEDIUM',
  'GET /marketplace/apps/{appId}': 'MEDIUM',
} as const satisfies Record<string, RateLimitLabel>

export type EndpointTemplate = keyof typeof ENDPOINT_LABELS

/** The path under the API base for a template, each parameter URI-encoded (emails and ids go into paths). */
export function endpointPath(template: EndpointTemplate, params: Record<string, string> = {}): string {
  const path = template.slice(template.indexOf(' ') + 1)
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') throw new Error(`endpointPath: missing ${name} for ${template}`)
    return encodeURIComponent(value)
  })
}
