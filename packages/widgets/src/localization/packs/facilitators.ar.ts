/** The facilitators' queue's Arabic strings, loaded only on pages that show the queue. */
import moderationQueueMessages from '../../hearth-moderation-queue/hearth-moderation-queue.messages.ar.js';
import type { EnglishFacilitatorsPack } from './facilitators.en.js';

const pack: EnglishFacilitatorsPack = { moderationQueueMessages };

export default pack;
