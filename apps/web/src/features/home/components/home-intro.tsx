import { ButtonLink } from '@lookbook/web-ui';

/** What Lookbook is, in two sentences, and where to go from here. */
export function HomeIntro({ signedIn }: { signedIn: boolean }) {
  return (
    <section aria-labelledby="home-heading" className="flex flex-col gap-4 rounded-card bg-raised px-6 py-8 sm:px-10">
      <h1 id="home-heading" className="max-w-2xl text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
        Style models and ComfyUI workflows, licensed clearly.
      </h1>
      <p className="max-w-2xl text-base text-muted">
        Lookbook is where creators publish generative-AI style models and workflow templates with licences that say
        exactly what you may do, and where everyone else finds, follows and rates them.
      </p>
      <div className="flex flex-wrap gap-3">
        <ButtonLink to="/browse">Browse models and templates</ButtonLink>
        {signedIn ? (
          <ButtonLink to="/studio/new" variant="secondary">
            Publish your work
          </ButtonLink>
        ) : (
          <ButtonLink to="/sign-up" variant="secondary">
            Join Lookbook
          </ButtonLink>
        )}
      </div>
    </section>
  );
}
