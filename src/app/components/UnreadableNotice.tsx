const KINDS = {
  response: { one: 'stored response', many: 'stored responses', why: 'damaged, or for a framework no longer in this browser' },
  invitation: { one: 'stored invitation', many: 'stored invitations', why: 'damaged' },
  report: { one: 'stored 360 report', many: 'stored 360 reports', why: 'the signature or the content no longer checks out' },
} as const;

/**
 * Stored entries that no longer read back are left out of what a page shows, and the page says
 * so (issue 9): the storage modules count them, this sentence tells them, on every page alike.
 */
export function UnreadableNotice({ count, kind, leftOutOf }: { count: number; kind: keyof typeof KINDS; leftOutOf: string }) {
  if (count === 0) return null;
  const { one, many, why } = KINDS[kind];
  const single = count === 1;
  return (
    <p className="banner banner-warn">
      {count} {single ? one : many} no longer read{single ? 's' : ''} back ({why}) and {single ? 'is' : 'are'} left out of {leftOutOf}.
    </p>
  );
}
