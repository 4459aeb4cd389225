import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IdentityTeamInfoV1,
  IdentityTeamListV1,
  IdentityTeamMemberAddV1,
  IdentityTeamNewV1,
  IdentityTeamUpdateV1,
  type RpcRequest as Req,
  type RpcResponse as Res,
} from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { CommandRunner } from './command-runner.service';
import { mayReadTeam } from './policy';
import { decideMemberAdd, decideTeamNew, decideTeamUpdate } from './team-commands';
import { findTeam, keyInfo, teamInfo } from './views';

@Controller()
export class TeamNewHandler implements Handles<typeof IdentityTeamNewV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityTeamNewV1)
  handle(@Payload() req: Req<typeof IdentityTeamNewV1>): Promise<Res<typeof IdentityTeamNewV1>> {
    let teamId = '';
    return this.runner.run(req.actor, (state, ctx) => decideTeamNew(state, ctx, req, (teamId = req.team_id ?? ctx.newId('team'))), (s) => ({ team: teamInfo(s.teams.get(teamId)!) }));
  }
}

@Controller()
export class TeamUpdateHandler implements Handles<typeof IdentityTeamUpdateV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityTeamUpdateV1)
  handle(@Payload() req: Req<typeof IdentityTeamUpdateV1>): Promise<Res<typeof IdentityTeamUpdateV1>> {
    return this.runner.run(req.actor, (state, ctx) => decideTeamUpdate(state, ctx, req), (s) => ({ team: teamInfo(s.teams.get(req.team_id)!) }));
  }
}

@Controller()
export class TeamMemberAddHandler implements Handles<typeof IdentityTeamMemberAddV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityTeamMemberAddV1)
  handle(@Payload() req: Req<typeof IdentityTeamMemberAddV1>): Promise<Res<typeof IdentityTeamMemberAddV1>> {
    return this.runner.run(req.actor, (state, ctx) => decideMemberAdd(state, ctx, req), (s) => ({ team: teamInfo(s.teams.get(req.team_id)!) }));
  }
}

@Controller()
export class TeamInfoHandler implements Handles<typeof IdentityTeamInfoV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityTeamInfoV1)
  async handle(@Payload() req: Req<typeof IdentityTeamInfoV1>): Promise<Res<typeof IdentityTeamInfoV1>> {
    const team = findTeam(this.runner.state, req.team_id);
    mayReadTeam(req.actor, team);
    const keys = [...this.runner.state.keys.values()].filter((k) => !k.revoked && k.settings.team_id === team.team_id).map(keyInfo);
    return { team: teamInfo(team), keys };
  }
}

@Controller()
export class TeamListHandler implements Handles<typeof IdentityTeamListV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityTeamListV1)
  async handle(@Payload() req: Req<typeof IdentityTeamListV1>): Promise<Res<typeof IdentityTeamListV1>> {
    const visible = [...this.runner.state.teams.values()].filter((t) => {
      try {
        mayReadTeam(req.actor, t);
        return true;
      } catch {
        return false;
      }
    });
    return { teams: visible.map(teamInfo) };
  }
}

export const TeamAdminHandlers = [TeamNewHandler, TeamUpdateHandler, TeamMemberAddHandler, TeamInfoHandler, TeamListHandler];
