// Role privileges look like `User:Read` / `User:Edit` (Zoom's role API, case-sensitive).
const PRIVILEGE = /^[A-Z][A-Za-z0-9]*:(Read|Edit)$/

export function isWellFormedPrivilege(privilege: string): boolean {
  return PRIVILEGE.test(privilege)
}
