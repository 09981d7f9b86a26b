/** What a writer may need after sending (the crisis help panel), loaded when they start writing, not with the page. */
import crisisHelpMessages from '../../hearth-crisis-help/hearth-crisis-help.messages.ar.js';

const pack = { crisisHelpMessages };

export default pack;
