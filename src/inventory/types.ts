// The admin's statement of who owns each app: Zoom's API does not say.

export interface InventoryApp {
  id: string
  /** Email or Zoom user id; empty when a template has not been filled in yet. */
  owner: string
  name?: string
  scopes?: string[]
  mustKeep?: string[]
  /** The app's type as the admin records it; "jwt" marks a JWT app (end of life, and not listed by Zoom's API). */
  type?: string
}

export interface Inventory {
  apps: InventoryApp[]
}

declare module '../input/schema-check.js' {
  interface SchemaTypes {
    inventory: Inventory
  }
}
