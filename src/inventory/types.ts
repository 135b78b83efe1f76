// The admin's statement of who owns each app: Zoom's API does not say.

export interface InventoryApp {
  id: string
  /** Email or Zoom user id; empty when a template has not been filled in yet. */
  owner: string
  name?: string
  scopes?: string[]
  mustKeep?: string[]
}

export interface Inventory {
  apps: InventoryApp[]
}
