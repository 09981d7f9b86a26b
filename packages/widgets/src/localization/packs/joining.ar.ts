/**
 * What a reader who is not a member of a group reads on its page (how to join, where a request stands, the join
 * form): fetched with that code (hearth-group/load-join-form.ts). A member reading the group never downloads it.
 */
import joiningMessages from '../../hearth-group/joining.messages.ar.js';

const pack = { joiningMessages };

export default pack;
