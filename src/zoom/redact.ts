// Text from Zoom or from a failed request goes through here before it reaches an error message, so the client
// secret and access tokens can never be shown, whatever a server echoes back.

export class Redactor {
  private readonly secrets = new Set<string>()

  add(secret: string | undefined): void {
    // Very short strings would blank out ordinary words; real secrets and tokens are long.
    if (secret && secret.length >= 8) this.secrets.add(secret)
  }

  /** One line, secrets replaced by `***`, at most `max` characters. */
  clean(text: string, max = 300): string {
    let out = text.replace(/\s+/g, ' ').trim()
    for (const secret of this.secrets) out = out.split(secret).join('***')
    return out.length > max ? `${out.slice(0, max - 1)}…` : out
  }
}
