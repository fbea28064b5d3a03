/** How many pages `total` rows fill, `size` a page; an empty list still has its one page. */
export function pagesOf(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * A page of a list whose statement brings the number of matches along (a window count on each of
 * its rows): the page asked for or, past the last one, where no row carries the count, the last
 * page, after a count of its own (the list got shorter, or an old link).
 */
export async function pageOrLast<T>(
  asked: number,
  size: number,
  read: (page: number) => Promise<{ rows: T[]; total: number | undefined }>,
  count: () => Promise<number>,
): Promise<{ rows: T[]; total: number; page: number; pages: number }> {
  const first = await read(asked);
  const total = first.total ?? (asked === 1 ? 0 : await count());
  const pages = pagesOf(total, size);
  const page = Math.min(asked, pages);
  const rows = page === asked ? first.rows : (await read(page)).rows;
  return { rows, total, page, pages };
}

/**
 * A list counted by a statement of its own: the count and the page asked for, read at once; past
 * the last page, the last one is read after.
 */
export async function countAndPage<T>(
  asked: number,
  size: number,
  count: () => Promise<number>,
  read: (page: number) => Promise<T[]>,
) {
  const [total, first] = await Promise.all([count(), read(asked)]);
  const pages = pagesOf(total, size);
  const page = Math.min(asked, pages);
  return { rows: page === asked ? first : await read(page), total, page, pages };
}
