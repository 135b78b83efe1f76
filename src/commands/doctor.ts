import {createLiveClient, liveFlags, liveTokenUrl} from '../cli/account-source.js'
import {BaseCommand, type Renderers} from '../cli/base-command.js'
import {colorFlag} from '../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../cli/help-sections.js'
import {runDoctor, type DoctorResult} from '../doctor/doctor.js'
import {ExitCode} from '../errors.js'
import {renderDoctor} from '../report/doctor-text.js'

const RENDERERS: Renderers<DoctorResult> = {text: (result, {style}) => renderDoctor(result, style)}

export default class Doctor extends BaseCommand {
  static summary = "Check the auditor app's credentials, scopes and access to Zoom in a few seconds, before a long run."
  static description = `Mints an access token with ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, checks that the token carries the read scopes the audit needs (for each, the classic or the granular scope; any missing one is named), and makes one cheap call to each endpoint the tool reads: the first page of the users, roles and apps lists, then one user, role and app from them (at most 6 API calls). Prints the API URL, the plan and rate budget in effect, and how long it took.

Never prints the client secret or the token. Only GET requests and the token POST are sent.`
  static examples = [
    '<%= config.bin %> doctor',
    '<%= config.bin %> doctor --plan pro --rate-budget 25',
    '<%= config.bin %> doctor --json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Every check passed (a token without its list of scopes is only a warning). doctor has no --fail-on and never exits 1.',
    badInput: 'Bad usage: an unknown flag or value, a credential variable that is not set, a malformed URL.',
    zoom: 'A check failed: the token, a scope the audit needs, or an endpoint (each failed check is named).',
  })
  static flags = {
    ...liveFlags,
    ...colorFlag,
  }

  async run(): Promise<DoctorResult> {
    const {flags} = await this.parse(Doctor)
    const client = await createLiveClient(flags, (text) => this.note(text))
    const result = await runDoctor({
      client,
      tokenUrl: liveTokenUrl(flags),
      plan: flags.plan,
      rateBudgetPercent: flags['rate-budget'],
    })
    await this.present(result, RENDERERS, {color: flags.color})
    if (!result.ok) process.exitCode = ExitCode.zoom
    return result
  }
}
