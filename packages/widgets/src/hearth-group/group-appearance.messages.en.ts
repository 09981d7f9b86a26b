/** How a member appears in a group (the `writers` pack: loaded with the choice, not with every page). */
const en = {
  appearanceLegend: 'How you appear in this group',
  appearancePseudonym: 'Under a pseudonym (recommended)',
  appearanceName: 'Under my name',
  pseudonymLabel: 'Your pseudonym in this group',
  pseudonymHint: 'We suggest one nobody else uses here and you use in no other group. You can change it.',
  pseudonymTaken: 'Someone in this group already goes by that name. Please choose another.',
  appearanceSave: 'Save how I appear',
  appearanceSaved: 'Saved. Your posts here now show this.',
};

export type AppearanceMessages = typeof en;
export default en;
