import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { IdentityTeamInfoV1, IdentityTeamListV1, IdentityTeamMemberAddV1, IdentityTeamNewV1, IdentityTeamUpdateV1 } from '@gatehouse/contracts';
import { MemberAddBody, members, parse, TeamInfoQuery, TeamNewBody, TeamUpdateBody } from './admin-bodies';
import { AdminRpc } from './admin-rpc.service';

type H = Record<string, string>;

/** LiteLLM's team management API (`/team/*`), same paths and field names. */
@Controller('team')
export class TeamAdminController {
  constructor(private readonly admin: AdminRpc) {}

  @Post('new')
  @HttpCode(200)
  async create(@Headers() h: H, @Body() body: unknown) {
    const { team_id, members_with_roles, ...fields } = parse(TeamNewBody, body, '/team/new body');
    const { team } = await this.admin.call(h, IdentityTeamNewV1, (actor) => ({ actor, team_id: team_id ?? null, fields, members: members(members_with_roles) }));
    return team;
  }

  @Post('update')
  @HttpCode(200)
  async update(@Headers() h: H, @Body() body: unknown) {
    const { team_id, ...fields } = parse(TeamUpdateBody, body, '/team/update body');
    const { team } = await this.admin.call(h, IdentityTeamUpdateV1, (actor) => ({ actor, team_id, fields }));
    return team;
  }

  @Post('member_add')
  @HttpCode(200)
  async addMember(@Headers() h: H, @Body() body: unknown) {
    const b = parse(MemberAddBody, body, '/team/member_add body');
    const { team } = await this.admin.call(h, IdentityTeamMemberAddV1, (actor) => ({ actor, team_id: b.team_id, members: members(b.member) }));
    return team;
  }

  @Get('info')
  async info(@Headers() h: H, @Query() query: unknown) {
    const q = parse(TeamInfoQuery, query, '/team/info query');
    const { team, keys } = await this.admin.call(h, IdentityTeamInfoV1, (actor) => ({ actor, team_id: q.team_id }));
    return { team_id: team.team_id, team_info: team, keys };
  }

  @Get('list')
  async list(@Headers() h: H) {
    const { teams } = await this.admin.call(h, IdentityTeamListV1, (actor) => ({ actor }));
    return teams;
  }
}
