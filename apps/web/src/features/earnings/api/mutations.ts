import { graphql } from '../../../gql';

export const StartOnboarding = graphql(`
  mutation StartOnboarding {
    startPayoutOnboarding(returnPath: "/earnings?onboarding=return") {
      url
    }
  }
`);
