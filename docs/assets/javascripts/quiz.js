/* Quiz enhancement: filled in by the quiz engine. */
