import { FeaturedCollections } from '../../components/collections/featured-collections';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { CardRow } from './components/card-row';
import { FollowingSection } from './components/following-section';
import { HomeIntro } from './components/home-intro';
import { PopularCreators } from './components/popular-creators';

/**
 * The home page: what Lookbook is, then sections, each its own component with its own loading, error and empty
 * states (a section that fails leaves the others). A new section is one line here.
 */
export function HomePage() {
  const { signedIn } = useMe();
  useTitle(null);
  return (
    <div className="flex flex-col gap-10">
      <HomeIntro signedIn={signedIn} />
      <CardRow
        id="trending"
        title="Trending"
        subtitle="Liked and licensed most over the last seven days, newest activity counting most."
        sort="TRENDING"
        empty="Nothing is trending yet"
      />
      {signedIn ? (
        <FollowingSection />
      ) : (
        <section aria-labelledby="creators-heading" className="flex flex-col gap-3" data-testid="home-creators">
          <h2 id="creators-heading" className="text-xl font-semibold tracking-tight text-ink">
            Popular creators
          </h2>
          <PopularCreators />
        </section>
      )}
      <CardRow
        id="most-liked"
        title="Most liked"
        subtitle="What members like most, all time."
        sort="MOST_LIKED"
        empty="Nothing has been liked yet"
      />
      <FeaturedCollections />
    </div>
  );
}
