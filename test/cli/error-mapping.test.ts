// Every failure maps to its documented exit code; a bug (anything unexpected) is exit 4 with one line.
import {Errors} from '@oclif/core'
import {expect} from 'chai'

import {describeError} from '../../src/cli/base-command.js'
import {InputError, ZoomError} from '../../src/errors.js'

describe('error → exit code', () => {
  const cases: Array<[string, Error, number, string]> = [
    ['bad input', new InputError('x.json: not JSON', {file: 'x.json'}), 2, 'bad_input'],
    ['Zoom failure', new ZoomError('Zoom refused the credentials', {status: 400}), 3, 'zoom_api_error'],
    ['oclif usage error', new Errors.CLIError('Nonexistent flag: --x\nSee more help with --help'), 2, 'usage'],
    ['anything else is a bug', new TypeError("Cannot read properties of undefined (reading 'scopes')"), 4, 'internal'],
  ]
  for (const [name, error, exitCode, code] of cases) {
    it(`${name} → exit ${exitCode}`, () => {
      const report = describeError(error)
      expect(report).to.include({exitCode, code})
      expect(report.message.split('\n')).to.have.length(1)
    })
  }

  it('a bug asks to be reported and mentions DEBUG, without a stack', () => {
    delete process.env.DEBUG
    const {message} = describeError(new Error('boom'))
    expect(message).to.match(
      /internal error: boom\. This is a bug in zoom-scope-audit; please report it \(run with DEBUG=1 for the stack trace\)\./,
    )
    expect(message).not.to.match(/\n\s+at /)
  })

  it('details travel into --json errors, the message stays one line', () => {
    const report = describeError(
      new InputError('apps.csv, line 3: 2 cells where the header has 3.', {file: 'apps.csv', place: 'line 3'}),
    )
    expect(report).to.deep.include({file: 'apps.csv', place: 'line 3', exitCode: 2})
  })
})
