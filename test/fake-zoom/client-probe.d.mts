// Types of client-probe.mjs (plain JavaScript so that CLI subprocesses can load it without tsx).
export declare const RATE_LIMIT_ID_HEADER: 'x-fake-zoom-429-id'
export declare const SAW_HEADER: 'x-fake-zoom-client-saw'
export declare const SENT_AT_HEADER: 'x-fake-zoom-client-sent-at'
/** The numbers of `instance`'s 429s in a SAW_HEADER value; undefined when the request was not probed. */
export declare function sawRateLimits(value: string | undefined, instance: string): Set<number> | undefined
/** How much earlier than a window a test should count sends of one label as "in one window" (see that file). */
export declare const SEND_STAMP_ALLOWANCE_MS: 50
