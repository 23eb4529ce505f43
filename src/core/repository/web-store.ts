/** A channel's web page: public or reached through signed links only, and the generation those links must carry. */
export interface WebPage {
  generation: number;
  public: boolean;
}

/** The group's web page settings, and the privacy reads the page needs. */
export interface WebStore {
  /** The page's settings; a channel no organiser changed has generation 1 and is not public. */
  webPage(channelId: string): Promise<WebPage>;
  setWebPublic(channelId: string, isPublic: boolean, now: Date): Promise<void>;
  /** Bumps the generation, so every link signed before stops working; returns the new one. */
  rotateWebLinks(channelId: string, now: Date): Promise<number>;
  /** Which of these members chose `/mlq privacy hide`. */
  hiddenMembers(memberIds: string[]): Promise<Set<string>>;
}
