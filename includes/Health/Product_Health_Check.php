<?php
/**
 * The Site Health summary of product health.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

/**
 * One direct test (Tools → Site Health): "recommended" while any product is in a problem state,
 * with the counts per state and a link to Tools → Product health; "good" otherwise.
 */
final class Product_Health_Check {

	public const TEST = 'acapi_product_health';

	/**
	 * Report.
	 *
	 * @var Health_Report
	 */
	private Health_Report $report;

	/**
	 * Builds the check.
	 *
	 * @param Health_Report $report Report.
	 */
	public function __construct( Health_Report $report ) {
		$this->report = $report;
	}

	/**
	 * Adds the filter.
	 */
	public function register_hooks(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
	}

	/**
	 * Filter `site_status_tests`.
	 *
	 * @param mixed $tests Tests.
	 * @return mixed
	 */
	public function add_test( $tests ) {
		if ( is_array( $tests ) ) {
			$tests['direct'][ self::TEST ] = array(
				'label' => __( 'Amazon product health', 'creators-connect-for-amazon' ),
				'test'  => array( $this, 'run' ),
			);
		}
		return $tests;
	}

	/**
	 * The test's result.
	 *
	 * @return array<string, mixed>
	 */
	public function run(): array {
		$counts = $this->report->counts();
		$total  = (int) array_sum( $counts );
		$result = array(
			'label'       => __( 'Every Amazon product your posts show is fine', 'creators-connect-for-amazon' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Amazon', 'creators-connect-for-amazon' ),
				'color' => 'blue',
			),
			'description' => '<p>' . esc_html__( 'No product is gone, without an offer, out of stock or failing to refresh.', 'creators-connect-for-amazon' ) . '</p>',
			'actions'     => '',
			'test'        => self::TEST,
		);
		if ( 0 === $total ) {
			return $result;
		}
		$items = '';
		foreach ( Product_State::PROBLEMS as $state ) {
			if ( ! empty( $counts[ $state ] ) ) {
				$items .= '<li>' . esc_html( Product_State::label( $state ) . ': ' . number_format_i18n( $counts[ $state ] ) ) . '</li>';
			}
		}
		$result['status']         = 'recommended';
		$result['badge']['color'] = 'orange';
		$result['label']          = sprintf(
			/* translators: %d: number of products. */
			_n( '%d Amazon product needs attention', '%d Amazon products need attention', $total, 'creators-connect-for-amazon' ),
			$total
		);
		$result['description'] = '<p>' . esc_html__( 'Posts show Amazon products that are gone, without an offer, out of stock or failing to refresh:', 'creators-connect-for-amazon' ) . '</p><ul>' . $items . '</ul>';
		$result['actions']     = sprintf( '<p><a href="%1$s">%2$s</a></p>', esc_url( add_query_arg( 'page', Health_Page::MENU_SLUG, admin_url( 'tools.php' ) ) ), esc_html__( 'See the products and their posts', 'creators-connect-for-amazon' ) );
		return $result;
	}
}
