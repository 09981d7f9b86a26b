/**
 * The join form's strings: fetched with the form itself (hearth-group/load-join-form.ts), by a signed-in reader
 * the group page offers a way in. A member reading the group never downloads them.
 */
import joiningMessages from '../../hearth-group/joining.messages.ar.js';

const pack = { joiningMessages };

export default pack;
