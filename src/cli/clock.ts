// The one clock the commands read. SOURCE_DATE_EPOCH pins it, for reproducible reports.
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()
}
