import {
  AddProjectMilestoneRoute,
  AddProjectOutputRoute,
  AddProjectProgressRoute,
  AssignProjectHelperRoute,
  CreateProjectRoute,
  GetProjectCountsRoute,
  GetProjectRoute,
  type HelperAssignInput,
  ListProjectHelpersRoute,
  ListProjectsRoute,
  MoveProjectStageRoute,
  type ProjectEntryInput,
  type ProjectInput,
  type ProjectListQuery,
  type ProjectMilestoneInput,
  type ProjectOutputInput,
  type ProjectStageInput,
  UpdateProjectMilestoneRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'projects';

export function useProjects(query: ProjectListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListProjectsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetProjectRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useProjectCounts(year: number) {
  return useQuery({
    queryKey: [KEY, 'counts', year],
    queryFn: () => call(GetProjectCountsRoute, { query: { year } }),
  });
}

export function useHelpers(enabled = true) {
  return useQuery({
    enabled,
    queryKey: [KEY, 'helpers'],
    queryFn: () => call(ListProjectHelpersRoute, {}),
    staleTime: 60_000,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: [KEY] });
    // Events and needs show what projects did (attribution, contracted needs).
    void client.invalidateQueries({ queryKey: ['matchmaking'] });
  };
}

/**
 * Creates a project; with `signedOn` it is then signed at once (意向 → 签约). A refused signing
 * leaves the project created (as 意向): the answer carries the refusal so the caller can say so
 * rather than offer a retry that would create the project twice.
 */
export function useCreateProject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ input, signedOn }: { input: ProjectInput; signedOn?: string }) => {
      const project = await call(CreateProjectRoute, { body: input });
      if (!signedOn) return { project, signError: null };
      const signing: ProjectStageInput = { to: 'signed', signedOn, contractNo: input.contractNo ?? '' };
      try {
        return {
          project: await call(MoveProjectStageRoute, { params: { id: project.id }, body: signing }),
          signError: null,
        };
      } catch (error) {
        return { project, signError: error };
      }
    },
    onSuccess: invalidate,
  });
}

export function useProjectActions(id: string) {
  const onSuccess = useInvalidate();
  const params = { id };
  return {
    stage: useMutation({
      mutationFn: (input: ProjectStageInput) => call(MoveProjectStageRoute, { params, body: input }),
      onSuccess,
    }),
    helper: useMutation({
      mutationFn: (input: HelperAssignInput) => call(AssignProjectHelperRoute, { params, body: input }),
      onSuccess,
    }),
    entry: useMutation({
      mutationFn: (input: ProjectEntryInput) => call(AddProjectProgressRoute, { params, body: input }),
      onSuccess,
    }),
    milestone: useMutation({
      mutationFn: (input: ProjectMilestoneInput) => call(AddProjectMilestoneRoute, { params, body: input }),
      onSuccess,
    }),
    milestoneDone: useMutation({
      mutationFn: ({ milestoneId, ...input }: ProjectMilestoneInput & { milestoneId: string }) =>
        call(UpdateProjectMilestoneRoute, { params: { id, milestoneId }, body: input }),
      onSuccess,
    }),
    output: useMutation({
      mutationFn: (input: ProjectOutputInput) => call(AddProjectOutputRoute, { params, body: input }),
      onSuccess,
    }),
  };
}
