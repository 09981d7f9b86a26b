/**
 * What a member needs only when they act: the crisis help panel after sending, how they appear in a group when
 * joining or changing it. Loaded on demand, never with the page.
 */
import crisisHelpMessages from '../../hearth-crisis-help/hearth-crisis-help.messages.en.js';
import appearanceMessages from '../../hearth-group/group-appearance.messages.en.js';
import outreachMessages from '../../hearth-outreach/hearth-outreach.messages.en.js';
import reportFormMessages from '../../hearth-thread/report-form.messages.en.js';

const pack = { crisisHelpMessages, appearanceMessages, outreachMessages, reportFormMessages };

export default pack;
