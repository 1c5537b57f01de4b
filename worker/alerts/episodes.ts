// "Once per episode": which conditions start and which end, given the subjects whose episode is open and the
// subjects for which the condition holds now. A start is alerted; a condition that goes on is not; an end
// closes the episode so that the condition coming back is a new start.

export interface EpisodeTransitions {
  /** Subjects whose condition started: open an episode and alert. */
  opened: string[];
  /** Subjects whose condition ended: close their episode, no alert. */
  closed: string[];
}

export function episodeTransitions(open: Iterable<string>, holding: Iterable<string>): EpisodeTransitions {
  const openSet = new Set(open);
  const holdingSet = new Set(holding);
  return {
    opened: [...holdingSet].filter((subject) => !openSet.has(subject)),
    closed: [...openSet].filter((subject) => !holdingSet.has(subject)),
  };
}
