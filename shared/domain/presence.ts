/** What a staff member with an appeal's card open is doing there (the console's presence marker). */
export enum PresenceActivity {
  /** The card is open. */
  Viewing = 'viewing',
  /** The answer or message editor has focus or holds text. */
  Replying = 'replying',
}
