-- Who posts to a channel right now. Scheduled posts to one channel go out in their planned order:
-- the instance that holds a channel's lease posts that channel's due posts one after another, and
-- others wait. A lease runs out by itself (held_until, epoch milliseconds) so that an instance that
-- died holding one blocks the channel only until then. While a post is being handed to the platform,
-- sending_* name it: an instance that takes the lease over from one that died mid-post asks the
-- platform whether that post went out before posting it again.
create table post_channel_leases (
    channel_platform varchar(32)  not null,
    channel_id       varchar(512) not null,
    holder           varchar(255),
    held_until       bigint       not null,
    sending_post_id  varchar(512),
    sending_since    bigint,
    sending_holder   varchar(255),
    constraint post_channel_leases_pk primary key (channel_platform, channel_id)
);
