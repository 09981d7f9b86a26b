/** The facilitators' queue's English strings, loaded only on pages that show the queue. */
import moderationQueueMessages from '../../hearth-moderation-queue/hearth-moderation-queue.messages.en.js';

const pack = { moderationQueueMessages };

export type EnglishFacilitatorsPack = typeof pack;
export default pack;
