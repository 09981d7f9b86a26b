import { describe, expect, it } from 'vitest';
import arabic from '../localization/domain.messages.ar.js';
import english from '../localization/domain.messages.en.js';
import { whoCanReadPosts, whoCanRevealAnonymousAuthors } from './anonymity-wording.js';

describe('the anonymity and audience sentences', () => {
  it('has one sentence per revealer policy, different from each other, in both languages', () => {
    for (const domain of [english, arabic]) {
      const sentences = ['NOBODY', 'ADMINS', 'FACILITATORS_AND_ADMINS'].map((policy) => whoCanRevealAnonymousAuthors(domain, policy));
      expect(new Set(sentences).size).toBe(3);
    }
    expect(whoCanRevealAnonymousAuthors(english, 'NOBODY')).toMatch(/^Nobody can find out/);
    expect(whoCanRevealAnonymousAuthors(english, 'ADMINS')).toMatch(/only the site's administrators/);
    expect(whoCanRevealAnonymousAuthors(english, 'FACILITATORS_AND_ADMINS')).toMatch(/professional facilitators or the site's administrators/);
  });

  it('never promises more privacy than it knows for a value it does not know', () => {
    expect(whoCanRevealAnonymousAuthors(english, 'SOMETHING_NEW')).toBe(english.anonymousRevealableBy.FACILITATORS_AND_ADMINS);
    expect(whoCanReadPosts(english, 'SOMETHING_NEW')).toBe(english.postsReadableBy.GUESTS);
  });

  it('says who can read a post before it is sent', () => {
    expect(whoCanReadPosts(english, 'GUESTS')).toBe("Anyone, including people who aren't signed in, can read this.");
    expect(whoCanReadPosts(english, 'MEMBERS')).toBe('Only members of this group can read this.');
    expect(whoCanReadPosts(arabic, 'MEMBERS')).not.toBe(whoCanReadPosts(arabic, 'GUESTS'));
  });
});
