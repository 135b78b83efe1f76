// proxy-from-env 2.x ships no type declarations (its API is this one function).
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from *_PROXY / ALL_PROXY, or '' when there is none or NO_PROXY matches. Reads process.env. */
  export function getProxyForUrl(url: string | URL): string
}
